package fr.la27eregion.platform.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The attachments' disk verdict on a real folder of this machine: its free space against the threshold. */
class AttachmentsDiskReadinessTest {

    @TempDir
    Path folder;

    @Test
    void upWithEnoughFreeSpaceDownBelowTheThresholdOrWithoutTheFolder() throws Exception {
        long freeMegabytes = Files.getFileStore(folder).getUsableSpace() / (1024 * 1024);

        AttachmentsDiskReadiness.Verdict enough = AttachmentsDiskReadiness.check(folder, 1);
        assertThat(enough.up()).isTrue();
        assertThat(enough.data()).extracting(data -> data.get("min-free-megabytes")).isEqualTo(1L);

        AttachmentsDiskReadiness.Verdict low = AttachmentsDiskReadiness.check(folder, freeMegabytes + 1024);
        assertThat(low.up()).isFalse();
        assertThat(low.data()).extracting(data -> data.get("problem")).asString().startsWith("low");

        AttachmentsDiskReadiness.Verdict missing = AttachmentsDiskReadiness.check(folder.resolve("gone"), 1);
        assertThat(missing.up()).isFalse();
        assertThat(missing.data()).extracting(data -> data.get("problem")).asString().startsWith("missing");
        assertThat(Files.list(folder)).as("the probe file is removed").isEmpty();

        assertThat(AttachmentsDiskReadiness.enough(1024L * 1024 * 1024, 1024)).isTrue();
        assertThat(AttachmentsDiskReadiness.enough(1024L * 1024 * 1024 - 1, 1024)).isFalse();
    }
}
