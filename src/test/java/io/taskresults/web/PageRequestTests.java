package io.taskresults.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageRequestTests {

	@Test
	void defaultsToTheFirstPageOfTen() {
		assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(1, 10));
	}

	@Test
	void acceptsTheBoundsOfEachRange() {
		assertThat(PageRequest.parse("2147483647", "1000")).isEqualTo(new PageRequest(Integer.MAX_VALUE, 1000));
		assertThat(PageRequest.parse("1", "1")).isEqualTo(new PageRequest(1, 1));
	}

	@Test
	void computesOffsetsBeyondIntWithoutOverflow() {
		assertThat(PageRequest.parse("2147483647", "1000").offset()).isEqualTo(2_147_483_646_000L);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-5", "2147483648", "12345678901", "1.0", "", " 1", "0x10", "one" })
	void rejectsPagesOutsideOneToIntMax(String page) {
		assertThatExceptionOfType(InvalidParameter.class).isThrownBy(() -> PageRequest.parse(page, null))
			.withMessage("page must be an integer from 1 to 2147483647");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "1001", "-1", "10.5" })
	void rejectsPerPageOutsideOneToAThousand(String perPage) {
		assertThatExceptionOfType(InvalidParameter.class).isThrownBy(() -> PageRequest.parse(null, perPage))
			.withMessage("per_page must be an integer from 1 to 1000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "abc", "9223372036854775808", "99999999999999999999" })
	void rejectsPathIdsThatAreNotPositiveLongs(String id) {
		assertThatExceptionOfType(InvalidParameter.class).isThrownBy(() -> PathIds.positiveLong("task_id", id))
			.withMessage("task_id must be a positive integer");
	}

	@Test
	void acceptsTheLargestPathId() {
		assertThat(PathIds.positiveLong("task_id", "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
	}

}
