package omega.context.api;

/** Restricts a search to one client, category and/or status; a null field matches everything. */
public record SearchFilter(String client, String category, String status) {

    public static final SearchFilter NONE = new SearchFilter(null, null, null);

    public boolean isEmpty() {
        return client == null && category == null && status == null;
    }

    public boolean accepts(String ticketClient, String ticketCategory, String ticketStatus) {
        return (client == null || client.equals(ticketClient))
                && (category == null || category.equals(ticketCategory))
                && (status == null || status.equals(ticketStatus));
    }
}
