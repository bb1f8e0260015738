package de.gremium.bench;

import com.mongodb.client.MongoCollection;
import de.gremium.platform.store.Durability;
import org.bson.Document;

/**
 * The baseline: the plain MongoDB driver's insertOne on the same embedded server, with documents of
 * a stored event's shape and size, into the separate database {@value #DATABASE}; optionally followed
 * by the store flush that the command side does after every command for durability. Each phase starts
 * on an empty collection (indexed on _id only) and drops it afterwards, so the baseline is the same at
 * every store size; {@link StoreProbePhase} measures the insert into a collection of the store's size.
 */
final class RawInsertPhase implements Phase {

    static final String DATABASE = "bench_raw";

    private final int clients;
    private final boolean flush;

    RawInsertPhase(int clients, boolean flush) {
        this.clients = clients;
        this.flush = flush;
    }

    @Override
    public String title() {
        return (flush ? Report.RAW_FLUSH : Report.RAW) + ", " + Report.clientsLabel(clients);
    }

    @Override
    public void run(Bench bench) throws Exception {
        Document template = bench.eventTemplate();
        MongoCollection<Document> collection = bench.raw.getDatabase(DATABASE)
                .getCollection((flush ? "flushed_" : "plain_") + clients);
        bench.drop(collection); // every size starts from an empty collection: the same baseline
        Durability durability = bench.system.durability();
        Load.Result r = Load.run("raw-" + clients, clients, bench.options.duration(), Long.MAX_VALUE, n -> {
            collection.insertOne(new Document(template)); // the driver adds a fresh _id to the copy
            if (flush) {
                durability.flush();
            }
        });
        bench.drop(collection);
        bench.report.throughput(flush ? Report.RAW_FLUSH : Report.RAW, r);
        Bench.log("  " + Format.count(r.ops()) + " inserts, " + Format.rate(r.perSecond()) + ", p99 "
                + Format.millis(r.latencies().percentileMillis(0.99)));
    }
}
