package de.gremium.command.messaging;

import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Reads facts from an aggregate for a check at another aggregate's edge (does that idea exist? is
 * this person a member?). The command side's own lookup: current, never the query side's view.
 */
public final class AggregateReader {

    private AggregateReader() {
    }

    public static <A, R> Optional<R> read(Repository<A> repository, String id, Function<A, R> facts) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            R result = repository.load(id).invoke(facts);
            unitOfWork.commit();
            return Optional.ofNullable(result);
        } catch (AggregateNotFoundException | IncompatibleAggregateException notFound) {
            // incompatible: the id names an aggregate of another type, so there is none of this type
            unitOfWork.rollback(notFound);
            return Optional.empty();
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }
}
