package omega.context.control;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import omega.context.api.SearchFilter;

/** Client, category and status as exact-match Lucene fields, and a search filter as a Lucene filter query. */
final class FacetFields {

    static final String CLIENT = "client";
    static final String CATEGORY = "category";
    static final String STATUS = "status";

    private FacetFields() {
    }

    static void add(Document document, TicketFacets facets) {
        add(document, CLIENT, facets.client());
        add(document, CATEGORY, facets.category());
        add(document, STATUS, facets.status());
    }

    private static void add(Document document, String field, String value) {
        if (value != null) {
            document.add(new StringField(field, value, Field.Store.NO));
        }
    }

    /** @return the filter as a query, or null when it filters nothing */
    static Query query(SearchFilter filter) {
        if (filter.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        clause(query, CLIENT, filter.client());
        clause(query, CATEGORY, filter.category());
        clause(query, STATUS, filter.status());
        return query.build();
    }

    private static void clause(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }
}
