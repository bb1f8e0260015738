package de.gremium.query.audit;

import de.gremium.query.export.CsvDialect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A CSV export as a stream that fetches the next slice of entries only once the previous one has
 * been read out, so that the response is written while it is produced and never held whole.
 */
final class AuditCsvStream extends InputStream {

    private final LongFunction<List<AuditEntry>> sliceAfter;
    private final int sliceSize;
    private final AuditCsv csv;
    private final CsvDialect dialect;
    private byte[] buffer;
    private int offset;
    private long after;
    private boolean exhausted;

    /**
     * @param sliceAfter the entries after a position, at most {@code sliceSize} of them in position order
     */
    AuditCsvStream(AuditCsv csv, CsvDialect dialect, int sliceSize, LongFunction<List<AuditEntry>> sliceAfter) {
        this.csv = csv;
        this.dialect = dialect;
        this.sliceSize = sliceSize;
        this.sliceAfter = sliceAfter;
        this.buffer = render(List.of(), true);
    }

    @Override
    public int read() {
        return fill() ? buffer[offset++] & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int from, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, buffer.length - offset);
        System.arraycopy(buffer, offset, target, from, n);
        offset += n;
        return n;
    }

    private boolean fill() {
        while (offset == buffer.length) {
            if (exhausted) {
                return false;
            }
            List<AuditEntry> slice = sliceAfter.apply(after);
            exhausted = slice.size() < sliceSize;
            if (!slice.isEmpty()) {
                after = slice.get(slice.size() - 1).position();
            }
            buffer = render(slice, false);
            offset = 0;
        }
        return true;
    }

    private byte[] render(List<AuditEntry> entries, boolean header) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(256, entries.size() * 512));
        if (header) {
            bytes.writeBytes(dialect.preamble());
        }
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            if (header) {
                csv.header(out, dialect);
            }
            for (AuditEntry entry : entries) {
                csv.row(out, dialect, entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
