package omega.platform.control;

import java.util.List;

/** Finds one kind of personal data in a text. */
interface PiiDetector {

    PiiKind kind();

    /** @return the occurrences, in text order, not overlapping each other */
    List<PiiMatch> find(String text);
}
