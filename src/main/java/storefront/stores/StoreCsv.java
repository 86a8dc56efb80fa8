package storefront.stores;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import storefront.common.Problem;
import storefront.common.Problem.FieldError;
import storefront.common.ProblemException;
import storefront.common.QueryParams;
import storefront.common.TextRules;
import storefront.stores.StoreApi.Address;
import storefront.stores.StoreApi.Hours;
import storefront.stores.StoreApi.Kind;
import storefront.stores.StoreApi.Location;
import storefront.stores.StoreApi.Service;
import storefront.stores.StoreApi.Status;
import storefront.stores.StoreApi.StoreInput;

/**
 * Reads a store import: CSV (RFC 4180) with a header row naming the columns,
 * one store per row. Opening hours take one column per weekday, openings
 * separated by spaces ({@code 09:00-12:00 14:00-18:00}; empty: closed).
 * A file that cannot be read as a whole (no header, an unknown column, broken
 * quoting, too many rows) is refused; a row that cannot be read becomes field
 * errors of that row only.
 */
final class StoreCsv {

    static final int MAX_ROWS = 50_000;

    static final List<String> REQUIRED = List.of("id", "name", "kind", "services", "address_line1", "city", "country",
            "latitude", "longitude", "time_zone");
    static final List<String> OPTIONAL = List.of("address_line2", "postal_code", "state", "phone", "status",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private static final CsvMapper MAPPER = new CsvMapper()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    private static final Pattern OPENING = Pattern.compile("^(\\d{2}:\\d{2})-(\\d{2}:\\d{2})$");
    private static final Pattern TIME = Pattern.compile(StoreApi.TIME_PATTERN);
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[|;,\\s]+");

    private StoreCsv() {
    }

    /** One data row: its line in the file, its id, and the store it reads as or why it cannot be read. */
    record Row(long line, String id, StoreInput input, List<FieldError> errors) {
    }

    /**
     * The file's text: UTF-8 exactly (a byte that is not is no guess), with the
     * byte-order mark Excel's "CSV UTF-8" writes dropped, and nothing PostgreSQL
     * could not store.
     */
    static String text(byte[] file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("The file is not UTF-8 text; save it as CSV UTF-8.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String fault = TextRules.fault(text);
        if (fault != null) {
            throw invalid("The file " + fault.replace("must not contain", "contains") + "; it cannot be stored.");
        }
        return text;
    }

    static List<Row> read(byte[] file) {
        String csv = text(file);
        List<Row> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class).with(schema).readValues(csv)) {
            // Reading the first row makes the parser read the header.
            if (!it.hasNextValue()) {
                throw invalid("The file is empty; it needs a header row and one row per store.");
            }
            checkHeader((CsvSchema) it.getParser().getSchema());
            while (it.hasNextValue()) {
                // the row's first token: its line in the file
                long line = it.getParser().currentLocation().getLineNr();
                Map<String, String> values = it.nextValue();
                if (rows.size() == MAX_ROWS) {
                    throw invalid("The file has more than " + MAX_ROWS + " rows; split it.");
                }
                rows.add(row(line, values));
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            throw invalid("The file is not readable as CSV: " + describe(e));
        }
        return rows;
    }

    private static void checkHeader(CsvSchema header) {
        Set<String> columns = new LinkedHashSet<>();
        header.forEach(column -> columns.add(column.getName()));
        List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
        List<String> unknown = columns.stream().filter(c -> !REQUIRED.contains(c) && !OPTIONAL.contains(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder detail = new StringBuilder();
            if (!missing.isEmpty()) {
                detail.append("Missing columns: ").append(String.join(", ", missing)).append(". ");
            }
            if (!unknown.isEmpty()) {
                detail.append("Unknown columns: ").append(String.join(", ", unknown)).append(". ");
            }
            detail.append("Columns: ").append(String.join(", ", REQUIRED)).append(", and optionally ")
                    .append(String.join(", ", OPTIONAL)).append('.');
            throw invalid(detail.toString());
        }
    }

    private static Row row(long line, Map<String, String> values) {
        List<FieldError> errors = new ArrayList<>();
        String id = QueryParams.given(values.get("id"));
        Kind kind = QueryParams.constant(Kind.class, "kind", values.get("kind"), errors);
        Status status = QueryParams.constant(Status.class, "status", values.get("status"), errors);
        List<Service> services = new ArrayList<>();
        String serviceCell = QueryParams.given(values.get("services"));
        if (serviceCell != null) {
            for (String name : LIST_SEPARATOR.split(serviceCell)) {
                Service service = QueryParams.constant(Service.class, "services", name, errors);
                if (service != null) {
                    services.add(service);
                }
            }
        }
        Double latitude = number("latitude", values.get("latitude"), errors);
        Double longitude = number("longitude", values.get("longitude"), errors);
        List<Hours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String column = day.name().toLowerCase(Locale.ROOT);
            String cell = QueryParams.given(values.get(column));
            if (cell == null) {
                continue;
            }
            for (String opening : LIST_SEPARATOR.split(cell)) {
                Matcher m = OPENING.matcher(opening);
                if (m.matches() && TIME.matcher(m.group(1)).matches() && TIME.matcher(m.group(2)).matches()) {
                    hours.add(new Hours(day, m.group(1), m.group(2)));
                } else {
                    errors.add(new FieldError(column, "'" + opening + "' is not an opening such as 09:00-21:00"));
                }
            }
        }
        StoreInput input = new StoreInput(QueryParams.given(values.get("name")), kind, services,
                new Address(QueryParams.given(values.get("address_line1")), QueryParams.given(values.get("address_line2")),
                        QueryParams.given(values.get("city")), QueryParams.given(values.get("postal_code")), QueryParams.given(values.get("state")),
                        QueryParams.given(values.get("country"))),
                new Location(latitude, longitude), QueryParams.given(values.get("time_zone")), hours, QueryParams.given(values.get("phone")),
                status);
        return new Row(line, id, input, errors);
    }

    /** The CSV column of a field of {@link StoreInput}, for the errors Bean Validation reports. */
    static String column(String field) {
        return switch (field) {
            case "address.line1" -> "address_line1";
            case "address.line2" -> "address_line2";
            case "address.city" -> "city";
            case "address.postalCode" -> "postal_code";
            case "address.state" -> "state";
            case "address.country" -> "country";
            case "location.latitude" -> "latitude";
            case "location.longitude" -> "longitude";
            case "timeZone" -> "time_zone";
            default -> field.startsWith("openingHours") ? "opening hours" : field.replaceAll("\\[.*", "");
        };
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof RuntimeJsonMappingException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof JsonProcessingException json) {
            return json.getOriginalMessage() + (json.getLocation() == null ? ""
                    : " (line " + json.getLocation().getLineNr() + ")");
        }
        return cause.getMessage();
    }

    private static Double number(String column, String value, List<FieldError> errors) {
        String given = QueryParams.given(value);
        if (given == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(given);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(column, "'" + given + "' is not a number"));
        return null;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(new Problem(400, "CSV_INVALID", "Import file not readable", detail, null, null));
    }
}
