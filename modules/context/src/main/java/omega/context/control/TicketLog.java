package omega.context.control;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One tenant's tickets in an append-only file of {@link TicketRecord}s; the last record of a ticket wins. Only
 * each live record's position is kept in memory. Erasure rewrites the file without the erased records (a new
 * file moved over the old one), so their text and vectors are gone from disk, not just marked deleted; the same
 * rewrite compacts the file once replaced records outweigh live ones. A torn last record (crash mid-write) is
 * cut off when the file is opened.
 */
final class TicketLog implements Closeable {

    private static final Logger LOG = Logger.getLogger(TicketLog.class.getName());
    private static final long COMPACT_AFTER_BYTES = 1 << 20;

    private final String tenantId;
    private final Path file;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Location> live = new HashMap<>();
    private FileChannel channel;
    private long end;
    private long deadBytes;

    TicketLog(Path folder, String tenantId) {
        this.tenantId = tenantId;
        this.file = folder.resolve("tickets.log");
        try {
            Files.createDirectories(folder);
            channel = open(file);
            end = scan((location, stored) -> track(stored.ticket().ticketId(), location), false);
            if (end < channel.size()) {
                LOG.warning("Ticket log of tenant " + tenantId + " had a torn record at byte " + end + "; cut off");
                channel.truncate(end);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file, e);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private void track(String ticketId, Location location) {
        Location replaced = live.put(ticketId, location);
        if (replaced != null) {
            deadBytes += replaced.length();
        }
    }

    void append(List<StoredTicket> tickets) {
        lock.writeLock().lock();
        try {
            List<byte[]> records = tickets.stream().map(TicketRecord::encode).toList();
            ByteBuffer buffer = ByteBuffer.allocate(records.stream().mapToInt(r -> r.length).sum());
            records.forEach(buffer::put);
            buffer.flip();
            long position = end;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
            long offset = end;
            for (int i = 0; i < records.size(); i++) {
                track(tickets.get(i).ticket().ticketId(), new Location(offset, records.get(i).length));
                offset += records.get(i).length;
            }
            end = position;
            if (deadBytes > COMPACT_AFTER_BYTES && deadBytes > end - deadBytes) {
                rewrite();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + file, e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    List<StoredTicket> find(Collection<String> ticketIds) {
        lock.readLock().lock();
        try {
            List<StoredTicket> found = new ArrayList<>();
            for (String id : ticketIds) {
                Location location = live.get(id);
                if (location != null) {
                    found.add(read(location));
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } finally {
            lock.readLock().unlock();
        }
    }

    private StoredTicket read(Location location) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(location.length());
        long position = location.offset();
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new EOFException("Record at " + location.offset() + " ends early");
            }
        }
        byte[] payload = new byte[location.length() - TicketRecord.HEADER];
        buffer.position(TicketRecord.HEADER);
        buffer.get(payload);
        return TicketRecord.decode(tenantId, payload, false);
    }

    /** Hands every live ticket, with its vector, to the action, in file order. */
    void forEach(Consumer<StoredTicket> action) {
        lock.readLock().lock();
        try {
            scan((location, stored) -> {
                if (location.equals(live.get(stored.ticket().ticketId()))) {
                    action.accept(stored);
                }
            }, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return live.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes the tickets for good: the file is rewritten without them. */
    void remove(Collection<String> ticketIds) {
        lock.writeLock().lock();
        try {
            boolean removed = false;
            for (String id : ticketIds) {
                removed |= live.remove(id) != null;
            }
            if (removed) {
                rewrite();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rewrite " + file, e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void rewrite() throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        List<Map.Entry<String, Location>> entries = new ArrayList<>(live.entrySet());
        entries.sort(Comparator.comparingLong(e -> e.getValue().offset()));
        Map<String, Location> moved = new HashMap<>();
        long position = 0;
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Map.Entry<String, Location> entry : entries) {
                Location from = entry.getValue();
                long copied = 0;
                while (copied < from.length()) {
                    copied += channel.transferTo(from.offset() + copied, from.length() - copied, out);
                }
                moved.put(entry.getKey(), new Location(position, from.length()));
                position += from.length();
            }
            out.force(true);
        }
        channel.close();
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            channel = open(file);
        }
        live.clear();
        live.putAll(moved);
        end = position;
        deadBytes = 0;
    }

    /** Reads records from the start; stops at the first torn or corrupt one. @return where the intact part ends */
    private long scan(RecordVisitor visitor, boolean withVectors) throws IOException {
        long position = 0;
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            while (true) {
                byte[] payload = nextPayload(in, size - position);
                if (payload == null) {
                    return position;
                }
                int recordLength = payload.length + TicketRecord.HEADER;
                visitor.visit(new Location(position, recordLength),
                        TicketRecord.decode(tenantId, payload, withVectors));
                position += recordLength;
            }
        }
    }

    /** @return the next intact record's payload, or null at the end or at a torn/corrupt record */
    private static byte[] nextPayload(DataInputStream in, long remaining) throws IOException {
        try {
            int length = in.readInt();
            int crc = in.readInt();
            if (length <= 0 || length > remaining - TicketRecord.HEADER) {
                return null;
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            return TicketRecord.intact(crc, payload) ? payload : null;
        } catch (EOFException e) {
            return null;
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private record Location(long offset, int length) {
    }

    @FunctionalInterface
    private interface RecordVisitor {
        void visit(Location location, StoredTicket stored) throws IOException;
    }
}
