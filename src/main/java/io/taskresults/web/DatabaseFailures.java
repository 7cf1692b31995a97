package io.taskresults.web;

import java.net.SocketException;
import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises "the database cannot be reached" among the many shapes it takes (pool
 * time-out, refused connection, administrator shutdown), so that all of them answer 503.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	public static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof org.hibernate.exception.JDBCConnectionException
					// A connection that dies mid-transaction also fails the rollback, and
					// that
					// failure replaces the original one.
					|| cause instanceof org.hibernate.TransactionException || cause instanceof SocketException) {
				return true;
			}
			if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static boolean isConnectionState(String sqlState) {
		// 08: connection exception; 57P01-57P03: administrator or crash shutdown, cannot
		// connect now
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
	}

}
