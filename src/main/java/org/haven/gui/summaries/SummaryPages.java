package org.haven.gui.summaries;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.haven.core.summaries.SummaryOptions;
import org.haven.core.summaries.SummaryService;

/**
 * The summary's PDF pages as pictures ({@link SummaryDialog}): the preview's first pages, and the
 * printout, page by page at {@link SummaryDialog#PRINT_DPI} to the printer the user chose.
 */
final class SummaryPages {
    private SummaryPages() {}

    /** The first {@code maxPages} pages of {@code pdf}, at {@code dpi}. */
    static List<BufferedImage> images(byte[] pdf, float dpi, int maxPages) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            List<BufferedImage> out = new ArrayList<>();
            for (int i = 0; i < Math.min(maxPages, doc.getNumberOfPages()); i++) out.add(renderer.renderImageWithDPI(i, dpi));
            return out;
        }
    }

    /**
     * Renders the cases' summary and prints it page by page on {@code job} (progress: rendering the
     * first half, printing the second); the print is recorded in the audit log (with the consent
     * reason, if one was needed) once the job has ended. Cancelling cancels the job.
     */
    static Task<Integer> printTask(PrinterJob job, SummaryService service, List<UUID> caseIds, SummaryOptions options, String reason) {
        return new Task<>() {
            @Override
            protected Integer call() throws IOException {
                byte[] pdf = service.render(caseIds, options, (done, total) -> updateProgress(done, 2L * total), this::isCancelled);
                try (PDDocument doc = Loader.loadPDF(pdf)) {
                    PDFRenderer renderer = new PDFRenderer(doc);
                    int n = doc.getNumberOfPages();
                    PageLayout layout = job.getJobSettings().getPageLayout();
                    for (int i = 0; i < n; i++) {
                        if (isCancelled()) {
                            job.cancelJob();
                            throw new CancellationException();
                        }
                        Image image = SwingFXUtils.toFXImage(renderer.renderImageWithDPI(i, SummaryDialog.PRINT_DPI), null);
                        ImageView view = new ImageView(image);
                        view.setPreserveRatio(true);
                        view.setFitWidth(layout.getPrintableWidth());
                        view.setFitHeight(layout.getPrintableHeight());
                        if (!job.printPage(view)) throw new IOException("printing failed");
                        updateProgress(n + i + 1, 2L * n);
                    }
                    job.endJob();
                    service.recordPrinted(caseIds, options.audience(), reason);
                    return n;
                }
            }
        };
    }
}
