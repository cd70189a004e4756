package omega.connectors.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import omega.connectors.api.FailureView;
import omega.connectors.entity.FailureRecord;
import omega.connectors.entity.RawPayloadRecord;
import omega.platform.api.ProblemException;

/** Re-queues a failed payload's stored raw body on {@code ticket-raw}, e.g. after the operator fixed the config. */
@ApplicationScoped
public class Replays {

    @Inject
    NormalizationFailures failures;

    @Inject
    RawPayloads payloads;

    @Inject
    RawQueue queue;

    public FailureView replay(String tenantId, String failureId) {
        FailureRecord failure = failures.find(tenantId, failureId)
                .orElseThrow(() -> ProblemException.notFound("No normalization failure " + failureId));
        if (FailureRecord.RESOLVED.equals(failure.status())) {
            throw new ProblemException(409, "already-resolved", "Already resolved",
                    "Failure " + failureId + " was resolved by an earlier replay");
        }
        RawPayloadRecord raw = payloads.byId(tenantId, failure.rawId())
                .orElseThrow(() -> ProblemException.notFound("The raw payload of failure " + failureId + " is gone"));
        failures.replaying(failure.id());
        queue.queue(raw, true);
        return failures.find(tenantId, failureId).map(NormalizationFailures::view).orElseThrow();
    }
}
