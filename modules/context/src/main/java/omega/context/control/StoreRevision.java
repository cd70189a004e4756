package omega.context.control;

/**
 * Where a tenant's shared store stands: {@code revision} grows with every write, {@code erasedRevision} is the
 * revision of its last erasure (0 if none).
 */
record StoreRevision(long revision, long erasedRevision) {

    static final StoreRevision NONE = new StoreRevision(0, 0);
}
