package omega.titans.api;

/** A model that labels ticket text: the local offline titan or an external LLM behind its adapter. */
public interface Titan {

    /** @return a stable id, recorded with every answer (e.g. {@code local}, {@code openai}) */
    String id();

    /**
     * @return the answer, always one of {@code request.allowedValues()} or undecided
     * @throws OutsideLabelSetException if the model insists on a value outside the label set
     */
    TitanAnswer classify(TitanRequest request);
}
