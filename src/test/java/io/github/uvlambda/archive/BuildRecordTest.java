package io.github.uvlambda.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build's own outputs are reused without being read again while they are unchanged on disk; the
 * user cache is always hashed again.
 */
class BuildRecordTest {
  @TempDir Path tmp;

  private static final String FP = "a".repeat(64);

  private Path recorded(String content) throws IOException {
    Path out = tmp.resolve("deps.zip");
    Files.writeString(out, content);
    Files.writeString(tmp.resolve("deps.zip.json"), "{}");
    BuildRecord.write(out, FP, tmp.resolve("deps.zip.json"));
    return out;
  }

  @Test
  void anUnchangedOutputIsValidAndKeepsItsDigest() throws IOException {
    Path out = recorded("layer bytes");
    BuildRecord.Check check = BuildRecord.check(out, FP);
    assertThat(check.valid()).isTrue();
    assertThat(check.outputSha256()).isEqualTo(Hashes.sha256(out));
    assertThat(BuildRecord.verify(out, FP).valid()).isTrue();
    assertThat(BuildRecord.check(out, "b".repeat(64)).state()).isEqualTo(BuildRecord.State.STALE);
  }

  @Test
  void anEditThatChangesTheSizeOrTheTimeIsNoticed() throws IOException {
    Path out = recorded("layer bytes");
    Files.writeString(out, "LAYER BYTES");
    Files.setLastModifiedTime(out, FileTime.fromMillis(0));
    BuildRecord.Check check = BuildRecord.check(out, FP);
    assertThat(check.state()).isEqualTo(BuildRecord.State.CHANGED);
    assertThat(check.changedFile()).isEqualTo(out);
  }

  /**
   * The trade-off, written down: an in-place edit that restores size and time passes {@code check}
   * (whoever does that can rewrite the record as well), never {@code verify}.
   */
  @Test
  void onlyVerifyReadsAFileWhoseSizeAndTimeWereRestored() throws IOException {
    Path out = recorded("layer bytes");
    FileTime time = Files.getLastModifiedTime(out);
    Files.writeString(out, "LAYER BYTES");
    Files.setLastModifiedTime(out, time);
    assertThat(BuildRecord.check(out, FP).valid()).isTrue();
    assertThat(BuildRecord.verify(out, FP).state()).isEqualTo(BuildRecord.State.CHANGED);
  }

  @Test
  void aRecordWithoutStatLinesIsCheckedByHashing() throws IOException {
    Path out = recorded("layer bytes");
    Path record = BuildRecord.fileFor(out);
    String withoutStats =
        String.join(
            "\n", Files.readAllLines(record).stream().filter(l -> !l.startsWith("stat ")).toList());
    Files.writeString(record, withoutStats + "\n");
    assertThat(BuildRecord.check(out, FP).valid()).isTrue();
    Files.writeString(out, "LAYER BYTES");
    assertThat(BuildRecord.check(out, FP).state()).isEqualTo(BuildRecord.State.CHANGED);
  }
}
