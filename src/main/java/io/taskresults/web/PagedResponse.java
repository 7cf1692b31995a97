package io.taskresults.web;

import java.util.List;

/**
 * A page of items in the reference's shape. Component order is the JSON key order, which
 * clients of the original API may rely on.
 */
public record PagedResponse<T>(boolean success, long count, int page, int perPage, List<T> items) {

	public static <T> PagedResponse<T> of(long count, PageRequest request, List<T> items) {
		return new PagedResponse<>(true, count, request.page(), request.perPage(), items);
	}

}
