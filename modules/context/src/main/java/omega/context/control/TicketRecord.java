package omega.context.control;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import omega.context.api.ResolvedTicket;

/**
 * The binary form of one ticket in a {@link TicketLog}: {@code [payload length][CRC-32 of payload][payload]},
 * the payload being a version byte, the ticket's fields, the model id and the vector. A torn or corrupt record
 * fails its CRC and is recognised as the end of the log.
 */
final class TicketRecord {

    static final int HEADER = 8;
    private static final byte VERSION = 1;

    private TicketRecord() {
    }

    static byte[] encode(StoredTicket stored) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512 + stored.vector().length * 4);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0);
            out.writeInt(0);
            out.writeByte(VERSION);
            ResolvedTicket t = stored.ticket();
            for (String s : new String[] {t.ticketId(), t.text(), t.resolution(), t.client(), t.category(), t.status(),
                    t.requester(), stored.modelId()}) {
                writeString(out, s);
            }
            out.writeLong(t.resolvedAt().getEpochSecond());
            out.writeInt(t.resolvedAt().getNano());
            out.writeInt(t.labels().size());
            for (Map.Entry<String, String> label : t.labels().entrySet()) {
                writeString(out, label.getKey());
                writeString(out, label.getValue());
            }
            out.writeInt(stored.vector().length);
            for (float v : stored.vector()) {
                out.writeFloat(v);
            }
            byte[] record = bytes.toByteArray();
            ByteBuffer header = ByteBuffer.wrap(record);
            header.putInt(record.length - HEADER);
            header.putInt(crc(record, HEADER, record.length - HEADER));
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return true when the payload (after the header) matches the CRC in the header */
    static boolean intact(int crc, byte[] payload) {
        return crc == crc(payload, 0, payload.length);
    }

    /** Decodes a payload; the vector is read only when asked for. */
    static StoredTicket decode(String tenantId, byte[] payload, boolean withVector) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("Unknown ticket record version " + version);
        }
        String[] s = new String[8];
        for (int i = 0; i < s.length; i++) {
            s[i] = readString(in);
        }
        Instant resolvedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
        int labelCount = in.getInt();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < labelCount; i++) {
            labels.put(readString(in), readString(in));
        }
        float[] vector = null;
        if (withVector) {
            vector = new float[in.getInt()];
            in.asFloatBuffer().get(vector);
        }
        ResolvedTicket ticket = new ResolvedTicket(tenantId, s[0], s[1], labels, s[2], s[3], s[4], s[5], s[6],
                resolvedAt);
        return new StoredTicket(ticket, vector, s[7]);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
