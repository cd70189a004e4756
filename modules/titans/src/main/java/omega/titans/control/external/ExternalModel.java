package omega.titans.control.external;

import dev.langchain4j.model.chat.ChatModel;

/** A provider's settings and, when it is enabled, the {@link ChatModel} that talks to it. */
public record ExternalModel(TitanSettings settings, ChatModel chat) {

    public boolean enabled() {
        return chat != null;
    }
}
