package de.gremium.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and folders of the data folder that only the service's user may read: POSIX 0600 and 0700. On a file system
 * without POSIX permissions (Windows) they get the defaults of the folder they are in.
 */
final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Creates {@code folder} when missing and makes it (not what is in it) accessible to its owner only. */
    static void folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        if (posix(folder)) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Creates {@code file} readable and writable by its owner only, unless it exists. */
    static void file(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        if (posix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
