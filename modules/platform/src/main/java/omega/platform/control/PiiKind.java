package omega.platform.control;

/** The kinds of personal data {@link PiiTokenizer} replaces; the name is the token's prefix. */
enum PiiKind {
    URL, EMAIL, IP, CARD, PHONE, NAME
}
