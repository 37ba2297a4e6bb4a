package io.hookstream.support.kafka;

import io.hookstream.schemas.topic.CompactedTopicView;
import io.hookstream.schemas.topic.Topic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.DisposableBean;

/** Opens views of compacted topics for a service and closes them all when the service stops. */
public final class TopicViews implements DisposableBean {

    private final String bootstrapServers;
    private final String application;
    private final List<CompactedTopicView<?>> opened = new CopyOnWriteArrayList<>();

    public TopicViews(String bootstrapServers, String application) {
        this.bootstrapServers = bootstrapServers;
        this.application = application;
    }

    /** A started view of {@code topic}; it loads in the background. */
    public <V> CompactedTopicView<V> open(Topic<String, V> topic) {
        return open(topic, List.of());
    }

    /**
     * A started view of {@code topic} whose listeners are told every change from the first record
     * on (an index built beside the view then covers the initial load too).
     */
    public <V> CompactedTopicView<V> open(
            Topic<String, V> topic, List<CompactedTopicView.ChangeListener<V>> listeners) {
        CompactedTopicView<V> view =
                new CompactedTopicView<>(
                        topic, bootstrapServers, application + "-view-" + topic.name());
        listeners.forEach(view::addChangeListener);
        opened.add(view);
        return view.start();
    }

    @Override
    public void destroy() {
        opened.forEach(CompactedTopicView::close);
    }
}
