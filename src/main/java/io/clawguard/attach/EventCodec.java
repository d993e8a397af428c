package io.clawguard.attach;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clawguard.bus.Event;
import io.clawguard.bus.NetworkChanged;
import io.clawguard.monitor.BaselineItem;
import io.clawguard.monitor.BaselineKind;
import io.clawguard.monitor.BaselineReview;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bus's typed events as JSON values and back, so they cross the admin socket as the same
 * records. The type is named by the record's simple name; only the permitted events of the
 * sealed {@link Event} interface are known, so nothing else can be made to decode, and an event
 * without a field it must have is refused ({@link RequiredFields}).
 */
public final class EventCodec {
    private static final Map<String, Class<?>> TYPES = Arrays.stream(Event.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * Rows of one network picture sent at most: each list stays far below a wire line's limit
     * (about 15 MB at the most), however many sockets the agent opens.
     */
    static final int MAX_PICTURE_ROWS = 20_000;

    /** The event's type name and its fields as plain JSON values. */
    public Map<String, Object> encode(Event e) {
        Event sent = e instanceof NetworkChanged n ? n.forTheWire(MAX_PICTURE_ROWS) : e;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_type", sent.getClass().getSimpleName());
        m.put("event", mapper.convertValue(sent, Map.class));
        return m;
    }

    public Event decode(String type, Object fields) {
        Class<?> c = TYPES.get(type);
        if (c == null) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        return RequiredFields.check((Event) mapper.convertValue(fields, c));
    }

    public Map<String, Object> encode(BrokerInfo info) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = mapper.convertValue(info, Map.class);
        return m;
    }

    public BrokerInfo decodeInfo(Object fields) {
        return mapper.convertValue(fields, BrokerInfo.class);
    }

    public Map<String, Object> encode(BaselineReview review) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", review.kind().name());
        m.put("items", review.items().stream().map(i -> mapper.convertValue(i, Map.class)).toList());
        return m;
    }

    public BaselineReview decodeReview(Object fields) {
        Map<?, ?> m = mapper.convertValue(fields, Map.class);
        List<BaselineItem> items = ((List<?>) m.get("items")).stream()
                .map(i -> mapper.convertValue(i, BaselineItem.class)).toList();
        return new BaselineReview(BaselineKind.valueOf(String.valueOf(m.get("kind"))), items);
    }
}
