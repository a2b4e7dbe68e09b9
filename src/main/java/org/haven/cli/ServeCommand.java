package org.haven.cli;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.haven.core.common.HavenException;
import org.haven.core.db.OfficeConnection;
import org.haven.core.sync.ServiceCertificate;
import org.haven.core.sync.SyncServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `haven serve [--port N] [--cert FILE.p12]`: the office's sync service for laptops over TLS, on
 * the office database. Runs until SIGTERM (or Ctrl+C), which stops it cleanly.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"On the office database (HAVEN_DB_URL or --db): the sync service laptops join and sync with, over HTTPS.",
                "Prints 'listening<TAB>https://HOST:PORT' and 'fingerprint<TAB>SHA256:...' (give both to 'haven join').",
                "Without --cert it makes a self-signed certificate in the data folder on first start. SIGTERM stops it."})
final class ServeCommand implements Callable<Integer> {
    @Mixin HomeOption home;
    @Option(names = "--port", paramLabel = "N", defaultValue = "8443", description = "Port to listen on (default 8443; 0: any free port).") int port;
    @Option(names = "--cert", paramLabel = "FILE.p12", description = "The service's key and certificate as PKCS#12 (password from HAVEN_CERT_PASSWORD).") Path cert;

    @Override
    public Integer call() throws InterruptedException {
        OfficeConnection office = home.office();
        if (office == null) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.serve.office");
        }
        if (port < 0 || port > 65535) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.cli.serve.port");
        Path folder = home.home();
        ServiceCertificate certificate = cert != null
                ? ServiceCertificate.load(cert, envOrEmpty("HAVEN_CERT_PASSWORD"))
                : ServiceCertificate.inFolder(folder);
        SyncServer server = SyncServer.start(folder, office, port, certificate);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "haven-serve-stop"));
        System.out.println("listening\thttps://" + hostName() + ":" + server.port());
        System.out.println("fingerprint\t" + certificate.fingerprint());
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static char[] envOrEmpty(String name) {
        String v = System.getenv(name);
        return v == null ? new char[0] : v.toCharArray();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
