package storefront.stores;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import storefront.ops.Ops;

/** Test stores, written through the ops API. */
final class Stores {

    static final double EARTH_RADIUS_KM = 6371.0088;

    private Stores() {
    }

    /** A store body: open Monday to Sunday with these hours (none when null). */
    static Map<String, Object> store(String name, String kind, List<String> services, String country, double latitude,
                                     double longitude, String zone, List<Map<String, String>> hours) {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("name", name);
        store.put("kind", kind);
        store.put("services", services);
        store.put("address", Map.of("line1", "1 Test Street", "city", "Testville", "country", country));
        store.put("location", Map.of("latitude", latitude, "longitude", longitude));
        store.put("timeZone", zone);
        store.put("openingHours", hours == null ? List.of() : hours);
        return store;
    }

    static List<Map<String, String>> everyDay(String opens, String closes) {
        List<Map<String, String>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("day", day, "opens", opens, "closes", closes));
        }
        return hours;
    }

    static Response put(String token, String id, Map<String, Object> store) {
        return Ops.asRead(token, "/api/v1/admin/stores/{id}", id).contentType(ContentType.JSON)
                .body(Map.of("store", store, "reason", "test store"))
                .put("/api/v1/admin/stores/{id}", id);
    }

    static void create(String id, Map<String, Object> store) {
        put(Ops.ADMIN, id, store).then().statusCode(201);
    }

    /** The point {@code km} from (latitude, longitude) along a bearing, on the sphere. */
    static double[] offset(double latitude, double longitude, double km, double bearingDegrees) {
        double d = km / EARTH_RADIUS_KM;
        double lat1 = Math.toRadians(latitude);
        double lon1 = Math.toRadians(longitude);
        double bearing = Math.toRadians(bearingDegrees);
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
        double lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1),
                Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
        return new double[] {Math.toDegrees(lat2), Math.toDegrees(lon2)};
    }

    /** Great-circle distance by the haversine formula. */
    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }
}
