package io.github.uvlambda.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A directory nobody can write to, not even root, as Lambda's {@code /opt} and {@code /var/task}: a
 * read-only bind mount where the machine allows one, else the immutable attribute ({@code chattr
 * +i}). File permissions would not do: the tests run as root, who ignores them. When neither works
 * the test is skipped (or fails under CI=true).
 */
public final class ReadOnlyDirectory implements AutoCloseable {
  private final Path path;
  private final List<List<String>> undo;

  private ReadOnlyDirectory(Path path, List<List<String>> undo) {
    this.path = path;
    this.undo = undo;
  }

  /** Makes {@code dir}'s content visible read-only at the returned path. */
  public static ReadOnlyDirectory of(Path dir) throws IOException {
    Path mount = dir.resolveSibling(dir.getFileName() + "-ro");
    Files.createDirectories(mount);
    if (MachineTools.run(List.of("mount", "--bind", dir.toString(), mount.toString())) != null) {
      if (MachineTools.run(List.of("mount", "-o", "remount,bind,ro", mount.toString())) != null) {
        return checked(new ReadOnlyDirectory(mount, List.of(List.of("umount", mount.toString()))));
      }
      MachineTools.run(List.of("umount", mount.toString()));
    }
    if (MachineTools.run(List.of("chattr", "-R", "+i", dir.toString())) != null) {
      return checked(
          new ReadOnlyDirectory(dir, List.of(List.of("chattr", "-R", "-i", dir.toString()))));
    }
    MachineTools.require(false, "a read-only directory (mount --bind -o ro, or chattr +i)");
    throw new IllegalStateException("unreachable");
  }

  private static ReadOnlyDirectory checked(ReadOnlyDirectory d) {
    try {
      Files.createFile(d.path.resolve("write-probe"));
      d.close();
      throw new IllegalStateException(d.path + " is still writable");
    } catch (IOException expected) {
      return d;
    }
  }

  public Path path() {
    return path;
  }

  @Override
  public void close() {
    for (List<String> cmd : undo) {
      MachineTools.run(cmd);
    }
  }
}
