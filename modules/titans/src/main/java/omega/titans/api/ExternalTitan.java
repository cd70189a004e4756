package omega.titans.api;

import java.util.Collection;

/**
 * A titan behind an external LLM provider. Personal data is tokenized before the call and restored in the answer;
 * an answer outside the label set is rejected. When the provider fails, is over the tenant's cost cap or is not
 * configured, the answer comes from the local titan (its {@code titanId} says so) if one is deployed.
 */
public interface ExternalTitan extends Titan {

    /** @return whether a key/endpoint is configured, i.e. whether calls reach the provider at all */
    boolean enabled();

    /**
     * Like {@link #classify(TitanRequest)}, with the ticket's requester fields (name, {@code Name <mail>}, e-mail)
     * whose names are tokenized wherever they occur in the text.
     */
    TitanAnswer classify(TitanRequest request, Collection<String> requesterFields);
}
