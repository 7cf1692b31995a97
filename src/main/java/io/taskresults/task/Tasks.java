package io.taskresults.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.taskresults.apikey.Caller;
import io.taskresults.apikey.Role;
import io.taskresults.web.KeyNotAllowed;
import io.taskresults.web.PageRequest;
import io.taskresults.web.UnprocessableContent;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks and who may see them: an admin key sees every task, an analyst key the tasks its
 * analyst owns, a cloak key none. A deleted task is gone for everyone at once; its
 * results are purged later by {@link TaskPurger}.
 */
@Service
public class Tasks {

	static final int MAX_NAME_LENGTH = 200;

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final TaskRepository tasks;

	Tasks(TaskRepository tasks) {
		this.tasks = tasks;
	}

	/**
	 * The task, if the caller may read it.
	 * @throws TaskNotFound if there is no such task or the caller may not read it
	 */
	@Transactional(readOnly = true)
	public TaskSummary readable(Caller caller, long id) {
		return this.tasks.findById(id)
			.filter((task) -> !task.isDeleted() && mayRead(caller, task.owner()))
			.map(Task::toSummary)
			.orElseThrow(() -> TaskNotFound.forReader(id));
	}

	/**
	 * The task, if it exists, for a key that publishes (cloak or admin). The row stays
	 * locked until the caller's transaction ends, so the task cannot be deleted or purged
	 * while results go into it. Publishers to one task queue here: the result count
	 * trigger updates this row anyway, and a weaker share lock would let two publishers
	 * deadlock upgrading it.
	 * @throws TaskNotFound if there is no such task
	 */
	@Transactional
	public TaskSummary lockForPublishing(long id) {
		return this.tasks.findForUpdateById(id)
			.filter((task) -> !task.isDeleted())
			.map(Task::toSummary)
			.orElseThrow(() -> TaskNotFound.forPublisher(id));
	}

	@Transactional(readOnly = true)
	public TaskPage readablePage(Caller caller, PageRequest page) {
		long count = switch (caller.role()) {
			case ADMIN -> this.tasks.countByDeletedAtIsNull();
			case ANALYST -> this.tasks.countByOwnerAndDeletedAtIsNull(caller.name());
			case CLOAK -> 0;
		};
		if (page.offset() >= count) {
			return new TaskPage(count, List.of());
		}
		// offset < count here, so it fits the int that JPA paging takes.
		var pageable = org.springframework.data.domain.PageRequest.of(page.page() - 1, page.perPage(), NEWEST_FIRST);
		List<Task> items = (caller.role() == Role.ADMIN) ? this.tasks.findByDeletedAtIsNull(pageable)
				: this.tasks.findByOwnerAndDeletedAtIsNull(caller.name(), pageable);
		return new TaskPage(count, items.stream().map(Task::toSummary).toList());
	}

	/**
	 * Creates a task owned by the caller's analyst; an admin may name another owner.
	 * @throws KeyNotAllowed for a cloak key, or an analyst naming someone else as owner
	 */
	@Transactional
	public TaskSummary create(Caller caller, String name, String owner) {
		if (caller.role() == Role.CLOAK) {
			throw new KeyNotAllowed("A cloak key may not create tasks: use an analyst or admin key.");
		}
		String effectiveOwner = (owner != null) ? owner : caller.name();
		if (caller.role() == Role.ANALYST && !effectiveOwner.equals(caller.name())) {
			throw new KeyNotAllowed("Only an admin key may create a task for another owner.");
		}
		String checkedOwner = checkText("owner", effectiveOwner);
		if (!checkedOwner.equals(checkedOwner.strip())) {
			// Key names cannot start or end with white space, so such an owner could
			// never read its task.
			throw new UnprocessableContent("owner must not start or end with white space");
		}
		return create(checkText("name", name), checkedOwner);
	}

	/** Creates a task without checking a caller: for the demo data and tests. */
	@Transactional
	public TaskSummary create(String name, String owner) {
		return this.tasks.save(new Task(name, owner, Instant.now().truncatedTo(ChronoUnit.MICROS))).toSummary();
	}

	/**
	 * Deletes a task the caller owns (or any task, for an admin): every read answers 404
	 * from now on, and the results are purged in the background.
	 * @throws TaskNotFound if there is no such task or the caller may not delete it
	 */
	@Transactional
	public void delete(Caller caller, long id) {
		Task task = this.tasks.findById(id)
			.filter((found) -> !found.isDeleted() && mayRead(caller, found.owner()))
			.orElseThrow(() -> TaskNotFound.forReader(id));
		task.delete(Instant.now());
	}

	@Transactional(readOnly = true)
	public Optional<TaskSummary> findOwnedByName(String owner, String name) {
		return this.tasks.findFirstByOwnerAndNameAndDeletedAtIsNullOrderByIdAsc(owner, name).map(Task::toSummary);
	}

	static boolean mayRead(Caller caller, String owner) {
		return switch (caller.role()) {
			case ADMIN -> true;
			case ANALYST -> owner.equals(caller.name());
			case CLOAK -> false;
		};
	}

	private static String checkText(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new UnprocessableContent(field + " must not be empty");
		}
		if (value.length() > MAX_NAME_LENGTH) {
			throw new UnprocessableContent(field + " must be at most " + MAX_NAME_LENGTH + " characters");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw new UnprocessableContent(field + " must not contain control characters");
		}
		return value;
	}

	/** One page of tasks and how many there are in all. */
	public record TaskPage(long count, List<TaskSummary> items) {
	}

}
