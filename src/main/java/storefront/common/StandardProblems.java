package storefront.common;

/** The problems every layer can answer in the same words: the API's router (EdgeFilters) and the JAX-RS mappers. */
public final class StandardProblems {

    private StandardProblems() {
    }

    /** No operation at the path. */
    public static Problem notFound() {
        return new Problem(404, "NOT_FOUND", "Not found", "No operation of this API is at this path.", null, null);
    }

    /** A fault of the server; the details go to the log, never to the client. */
    public static Problem internalError() {
        return new Problem(500, "INTERNAL_ERROR", "Internal error", "The request could not be completed.", null, null);
    }
}
