package org.muster.web.view;

/** The 403, 404 and 500 pages: a plain explanation and a way back, never a stack trace. */
public final class ErrorView {

    private ErrorView() {
    }

    public static Html page(PageContext page, int status, String message) {
        String title = switch (status) {
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 500 -> "Something went wrong";
            default -> "Error " + status;
        };
        return Layout.page(page, title, Html.of("""
                <section class="card error">
                <p class="status">%s</p>
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="/">Back to the start page</a></p>
                </section>""", status, title, message));
    }
}
