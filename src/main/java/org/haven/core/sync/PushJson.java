package org.haven.core.sync;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.haven.core.changes.Outbox;
import org.haven.core.common.HavenException;

/**
 * The JSON of {@code POST /v1/push} (docs/sync.md, "The push protocol"), read strictly: any entry
 * that is not as described makes the whole body malformed (400, nothing applied). Messages name the
 * entry's position and the member, never a value.
 */
public final class PushJson {
    /** The most entries one push may carry (the laptop sends a longer outbox in several pushes). */
    public static final int MAX_ENTRIES = 50_000;
    private static final int MAX_VALUE = 4000;
    /** The longest row an INSERT may carry (the outbox's and change log's column). */
    private static final int MAX_ROW = 100_000;
    private static final Pattern DEVICE = Pattern.compile("[A-Z0-9]{1,10}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Push(String device, List<OfficePush.Entry> entries) {}

    private PushJson() {}

    public static Push read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.push.notJson");
        }
        if (root == null || !root.isObject()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.push.notObject");
        JsonNode device = root.get("device");
        if (device == null || !device.isTextual() || !DEVICE.matcher(device.asText()).matches()) {
            throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.push.device");
        }
        JsonNode entries = root.get("entries");
        if (entries == null || !entries.isArray()) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.push.entries");
        if (entries.size() > MAX_ENTRIES) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.push.tooMany", String.valueOf(MAX_ENTRIES));
        List<OfficePush.Entry> out = new ArrayList<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            OfficePush.Entry e = entry(entries.get(i), i);
            if (!seen.add(e.opId())) throw HavenException.of(HavenException.Kind.BAD_INPUT, "error.push.repeated", String.valueOf(i));
            out.add(e);
        }
        return new Push(device.asText(), out);
    }

    private static OfficePush.Entry entry(JsonNode n, int i) {
        if (!n.isObject()) throw bad(i, "not an object");
        UUID opId = uuid(n, "op_id", i);
        String opText = text(n, "op", i, true);
        Outbox.Op op;
        try {
            op = Outbox.Op.valueOf(opText);
        } catch (IllegalArgumentException e) {
            throw bad(i, "op must be SET, DELETE, INSERT or MERGE");
        }
        String table = text(n, "table", i, true);
        UUID rowId = uuid(n, "row_id", i);
        String field = text(n, "field", i, op == Outbox.Op.SET);
        if (op != Outbox.Op.SET && field != null) throw bad(i, "a " + op + " has no field");
        String oldValue = text(n, "old_value", i, false);
        // An INSERT carries the whole row as JSON: longer than one field's value may be.
        String newValue = text(n, "new_value", i, op == Outbox.Op.INSERT || op == Outbox.Op.MERGE, op == Outbox.Op.INSERT ? MAX_ROW : MAX_VALUE);
        JsonNode base = n.get("base_version");
        if (base == null || !base.canConvertToInt() || !base.isIntegralNumber() || base.asInt() < 0) throw bad(i, "base_version must be a whole number >= 0");
        OffsetDateTime madeAt;
        try {
            madeAt = OffsetDateTime.parse(text(n, "made_at", i, true));
        } catch (DateTimeParseException e) {
            throw bad(i, "made_at must be an ISO date-time with offset");
        }
        return new OfficePush.Entry(opId, op, table.toLowerCase(Locale.ROOT), rowId, field == null ? null : field.toLowerCase(Locale.ROOT),
                oldValue, newValue, base.asInt(), madeAt);
    }

    private static String text(JsonNode n, String name, int i, boolean required) {
        return text(n, name, i, required, MAX_VALUE);
    }

    private static String text(JsonNode n, String name, int i, boolean required, int max) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            if (required) throw bad(i, name + " is missing");
            return null;
        }
        if (!v.isTextual()) throw bad(i, name + " must be a string");
        if (v.asText().length() > max) throw bad(i, name + " is longer than " + max + " characters");
        return v.asText();
    }

    private static UUID uuid(JsonNode n, String name, int i) {
        try {
            return UUID.fromString(text(n, name, i, true));
        } catch (IllegalArgumentException e) {
            throw bad(i, name + " must be a UUID");
        }
    }

    private static HavenException bad(int i, String why) {
        return HavenException.of(HavenException.Kind.BAD_INPUT, "error.push.entry", String.valueOf(i), why);
    }

    /** A page of changes: {"changes": [{"seq", "op_id", "op", "table", "row_id", "field", "new_value", "office_version", "device", "made_at"}], "next": N, "more": bool}. */
    public static byte[] write(OfficeChanges.Page page) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode changes = root.putArray("changes");
        for (var c : page.changes()) {
            ObjectNode o = changes.addObject();
            o.put("seq", c.seq());
            o.put("op_id", c.opId().toString());
            o.put("op", c.op());
            o.put("table", c.table());
            o.put("row_id", c.rowId().toString());
            o.put("field", c.field());
            o.put("new_value", c.newValue());
            o.put("office_version", c.officeVersion());
            o.put("device", c.device());
            o.put("made_at", c.madeAt().toString());
        }
        // The staff and operations the page's new cases point at, for a laptop that has not got them.
        ArrayNode refs = root.putArray("references");
        for (String line : page.references()) {
            int tab = line.indexOf('\t');
            ObjectNode o = refs.addObject();
            o.put("table", line.substring(0, tab));
            o.put("rows", line.substring(tab + 1));
        }
        root.put("next", page.next());
        root.put("more", page.more());
        return bytes(root);
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    /** The answer: {"seq": N, "results": [{"op_id", "status", ...}, ...]}. */
    public static byte[] write(OfficePush.Outcome outcome) {
        ObjectNode root = JSON.createObjectNode();
        root.put("seq", outcome.seq());
        ArrayNode results = root.putArray("results");
        for (OfficePush.Result r : outcome.results()) {
            ObjectNode o = results.addObject();
            o.put("op_id", r.opId().toString());
            o.put("status", r.status().name().toLowerCase(Locale.ROOT));
            if (r.was() != null) o.put("was", r.was().name().toLowerCase(Locale.ROOT));
            if (r.seq() != null) o.put("seq", r.seq());
            if (r.conflictId() != null) o.put("conflict_id", r.conflictId().toString());
            if (r.reason() != null) o.put("reason", r.reason());
        }
        return bytes(root);
    }
}
