package fr.la27eregion.platform.database;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive ships its own copy of the project's shared reference data (nothing reads {@code ../shared} at run
 * time); this keeps the copy identical to the published facts wherever the shared folder is beside the checkout.
 */
class ReferenceDataFilesTest {

    private static final Path SHARED = Path.of("..", "..", "shared", "reference-data");

    @ParameterizedTest
    @ValueSource(strings = {"regions-fr.csv", "regions-fr-before-2016.csv", "themes.csv"})
    void theShippedCopyIsTheSharedReferenceFile(String file) throws Exception {
        Path shared = SHARED.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(shared), "shared/ is not beside this checkout");
        try (InputStream shipped = ReferenceDataMigration.class.getResourceAsStream("/db/reference-data/" + file)) {
            assertThat(shipped).as(file).isNotNull();
            assertThat(shipped.readAllBytes()).isEqualTo(Files.readAllBytes(shared));
        }
    }
}
