package io.hookstream.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookstream.router.RouterSettings.StateStores;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RouterSettingsTest {

    private static RouterSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("hookstream.router", RouterSettings.class);
    }

    @Test
    void theStoresAreOnDiskUnlessConfigured() {
        assertThat(bind(Map.of()).stateStores()).isEqualTo(StateStores.ROCKSDB);
    }

    @Test
    void theStoresAreOnTheHeapWhenConfiguredAsTheYamlWritesIt() {
        assertThat(bind(Map.of("hookstream.router.state-stores", "in-memory")).stateStores())
                .isEqualTo(StateStores.IN_MEMORY);
    }
}
