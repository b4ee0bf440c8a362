package fr.la27eregion.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The archive the integration tests deploy: the micro WAR exactly as the build made it (the one ops/run and a
 * cluster run), so the tests exercise the deliverable, not a hand-picked subset of classes.
 */
public final class MicroDeployment {

    private MicroDeployment() {
    }

    /** The built micro WAR, to which a test adds its own classes when it runs inside the server. */
    public static WebArchive microWar() {
        File war = new File(System.getProperty("micro.war", "target/platform-web-micro.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the micro WAR first (mvn package): " + war.getAbsolutePath());
        }
        return ShrinkWrap.create(ZipImporter.class, "platform.war").importFrom(war).as(WebArchive.class);
    }
}
