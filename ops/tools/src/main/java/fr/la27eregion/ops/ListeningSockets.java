package fr.la27eregion.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sockets a process listens on, as {@code ss -ltunp} shows them, read from Linux's {@code /proc}: so it also
 * finds the ports nobody configured (random ones). The tests use it to prove that every server they start listens
 * on loopback only.
 */
public final class ListeningSockets {

    private ListeningSockets() {
    }

    /** A listening socket: protocol, local address and port. */
    public record Bound(String protocol, InetAddress address, int port) {
        @Override
        public String toString() {
            return protocol + " " + address.getHostAddress() + ":" + port;
        }
    }

    /** Every socket the process listens on; empty when {@code /proc} cannot tell (not Linux, process gone). */
    public static List<Bound> of(long pid) throws IOException {
        Path fds = Path.of("/proc", Long.toString(pid), "fd");
        if (!Files.isDirectory(fds)) {
            return List.of();
        }
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> links = Files.list(fds)) {
            links.forEach(link -> {
                try {
                    String target = Files.readSymbolicLink(link).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while listing
                }
            });
        }
        List<Bound> bound = new ArrayList<>();
        // TCP sockets in state 0A (LISTEN); UDP sockets in state 07 (unconnected, i.e. bound to receive)
        bound.addAll(parse("tcp", Path.of("/proc/net/tcp"), "0A", inodes));
        bound.addAll(parse("tcp", Path.of("/proc/net/tcp6"), "0A", inodes));
        bound.addAll(parse("udp", Path.of("/proc/net/udp"), "07", inodes));
        bound.addAll(parse("udp", Path.of("/proc/net/udp6"), "07", inodes));
        return bound;
    }

    private static List<Bound> parse(String protocol, Path table, String state, Set<String> inodes)
            throws IOException {
        if (!Files.isReadable(table)) {
            return List.of();
        }
        List<Bound> bound = new ArrayList<>();
        List<String> lines = Files.readAllLines(table);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 9 && fields[3].equals(state) && inodes.contains(fields[9])) {
                String[] local = fields[1].split(":");
                bound.add(new Bound(protocol, address(local[0]), Integer.parseInt(local[1], 16)));
            }
        }
        return bound;
    }

    /** An address of /proc/net: hexadecimal, each 32-bit word in the byte order of the machine (little-endian). */
    private static InetAddress address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
