package omega.platform.control;

/**
 * One occurrence of personal data in a text.
 *
 * @param key the value normalized so that spellings of the same value share one token (lower case, digits only)
 */
record PiiMatch(int start, int end, String value, String key) {
}
