package io.taskresults.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secrets so that they are never readable by others and never half-written: the
 * bytes go to a private temporary file beside the target, which is then moved into place.
 */
public final class SecureFiles {

	private SecureFiles() {
	}

	/**
	 * Writes {@code content} to {@code target} with mode 0600.
	 * @param overwrite whether an existing file may be replaced
	 * @throws FileAlreadyExistsException (wrapped) if the target exists and may not be
	 * replaced
	 */
	public static void writePrivate(Path target, byte[] content, boolean overwrite) {
		Path absolute = target.toAbsolutePath();
		try {
			Files.createDirectories(absolute.getParent());
			if (!overwrite && Files.exists(absolute)) {
				throw new FileAlreadyExistsException(absolute.toString());
			}
			Path temporary = createPrivateTemp(absolute.getParent());
			try {
				Files.write(temporary, content);
				move(temporary, absolute, overwrite);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes public material (certificates) with the default mode, atomically. */
	public static void writePublic(Path target, byte[] content) {
		Path absolute = target.toAbsolutePath();
		try {
			Files.createDirectories(absolute.getParent());
			Path temporary = Files.createTempFile(absolute.getParent(), ".tmp-", ".part");
			try {
				Files.write(temporary, content);
				makeWorldReadable(temporary);
				move(temporary, absolute, true);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void makeWorldReadable(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the default is readable enough.
		}
	}

	private static Path createPrivateTemp(Path directory) throws IOException {
		try {
			return Files.createTempFile(directory, ".tmp-", ".part",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the directory's ACLs are all we have.
			return Files.createTempFile(directory, ".tmp-", ".part");
		}
	}

	private static void move(Path source, Path target, boolean overwrite) throws IOException {
		try {
			if (overwrite) {
				Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			else {
				// A hard link fails if the target appeared meanwhile, so nothing is
				// replaced.
				Files.createLink(target, source);
			}
		}
		catch (AtomicMoveNotSupportedException | UnsupportedOperationException ex) {
			Files.move(source, target, overwrite ? new StandardCopyOption[] { StandardCopyOption.REPLACE_EXISTING }
					: new StandardCopyOption[0]);
		}
	}

}
