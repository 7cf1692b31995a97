package io.taskresults.taskresult;

import java.util.List;

import io.taskresults.apikey.Caller;
import io.taskresults.task.TaskSummary;
import io.taskresults.task.Tasks;
import io.taskresults.web.PageRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a page of a task's results for a caller.
 */
@Service
class TaskResults {

	private final Tasks tasks;

	private final TaskResultStore store;

	TaskResults(Tasks tasks, TaskResultStore store) {
		this.tasks = tasks;
		this.store = store;
	}

	/**
	 * One snapshot for the count and the items, so that a page never disagrees with its
	 * count while the cloak publishes.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	ResultPage read(Caller caller, long taskId, TimeRange range, PageRequest page) {
		TaskSummary task = this.tasks.readable(caller, taskId);
		long count = this.store.count(taskId, range, task.resultCount());
		// Past the last result there is nothing to read: no query, however large the
		// offset.
		List<ResultItem> items = (page.offset() >= count) ? List.of()
				: this.store.page(taskId, range, count, page.offset(), page.perPage());
		return new ResultPage(count, items);
	}

	record ResultPage(long count, List<ResultItem> items) {
	}

}
