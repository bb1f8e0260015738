package de.gremium.platform.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import de.gremium.platform.privacy.PersonalDataKeys;
import de.gremium.platform.privacy.PersonalDataSerializer;
import de.gremium.platform.record.StoredJson;
import de.gremium.platform.testing.TestStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event of the published language goes through crypto-shredding and reads back as it was written. */
class EveryEventThroughPersonalDataTest {

    private static final Serializer SERIALIZER = new PersonalDataSerializer(StoredJson.serializer(),
            new PersonalDataKeys(TestStore.migratedDataSource(TestStore.newRecord())));

    static List<Named<Class<?>>> eventTypes() {
        return EventTypes.all().stream().map(e -> Named.<Class<?>>of(e.getSimpleName(), e)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventReadsBackAsItWasWrittenAndItsActorIsNotStoredInPlaintext(Class<?> eventType) {
        Object event = SampleEvents.sampleOf(eventType);

        SerializedObject<byte[]> stored = SERIALIZER.serialize(event, byte[].class);
        String plain = new String(StoredJson.serializer().serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat((Object) SERIALIZER.deserialize(stored)).isEqualTo(event);
        boolean namesSomeone = !eventType.getSimpleName().endsWith("Erased");
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8).contains("\"pd1:"))
                .as("%s stored %s", eventType.getSimpleName(), plain).isEqualTo(namesSomeone);
    }
}
