package omega.titans.control.external;

import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

/**
 * Produces each external titan's {@link ExternalModel} from MicroProfile Config ({@code titans.<id>.*}), once per
 * application. A titan without its key (Augment: endpoint and model) gets a disabled model and makes no calls.
 */
@Dependent
public class ChatModelProducer {

    private static final Logger LOG = Logger.getLogger(ChatModelProducer.class.getName());

    @Inject
    Config config;

    @Produces
    @Singleton
    @ForTitan(Provider.OPENAI)
    ExternalModel openAi() {
        return connect(Provider.OPENAI);
    }

    @Produces
    @Singleton
    @ForTitan(Provider.ANTHROPIC)
    ExternalModel anthropic() {
        return connect(Provider.ANTHROPIC);
    }

    @Produces
    @Singleton
    @ForTitan(Provider.GEMINI)
    ExternalModel gemini() {
        return connect(Provider.GEMINI);
    }

    @Produces
    @Singleton
    @ForTitan(Provider.XAI)
    ExternalModel xai() {
        return connect(Provider.XAI);
    }

    @Produces
    @Singleton
    @ForTitan(Provider.AUGMENT)
    ExternalModel augment() {
        return connect(Provider.AUGMENT);
    }

    private ExternalModel connect(Provider provider) {
        TitanSettings settings = TitanSettings.read(config, provider);
        LOG.info(() -> "external titan " + settings);
        return ChatModelFactory.connect(settings);
    }
}
