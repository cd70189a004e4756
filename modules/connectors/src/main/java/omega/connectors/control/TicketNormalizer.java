package omega.connectors.control;

import java.util.List;

import omega.connectors.api.NormalizationFailed;
import omega.connectors.api.PsaPlatform;
import omega.platform.api.TicketNormalized;

/** Translates one platform's payloads into canonical tickets: pure, no I/O, safe to call from any thread. */
public interface TicketNormalizer {

    PsaPlatform platform();

    /**
     * @return every ticket the payload carries, in payload order (a polled page or a batched notification may
     *         carry several; an empty page gives an empty list)
     * @throws NormalizationFailed when the payload, or any ticket in it, cannot be normalized: the whole
     *                             payload is refused so that nothing is silently dropped
     */
    List<TicketNormalized> normalize(RawPayload raw);
}
