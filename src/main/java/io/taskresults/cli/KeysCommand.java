package io.taskresults.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.taskresults.TaskResultsApplication;
import io.taskresults.apikey.ApiKeyNotFound;
import io.taskresults.apikey.ApiKeyService;
import io.taskresults.apikey.InvalidApiKeyRequest;
import io.taskresults.apikey.IssuedKey;
import io.taskresults.tls.SecureFiles;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code keys create|list|revoke}: the operator's command line, in the server's jar. It
 * starts Spring without a web server, does one thing, prints JSON lines on standard
 * output and exits: 0 on success, 2 for bad arguments, 1 when something else failed.
 */
public final class KeysCommand {

	public static final String NAME = "keys";

	static final String USAGE = """
			usage: java -jar task-results.jar keys create --name NAME --role analyst|cloak|admin --out FILE.p12 [--password PW]
			       java -jar task-results.jar keys list
			       java -jar task-results.jar keys revoke ID""";

	private KeysCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, Map.of());
	}

	/**
	 * @param properties settings that take precedence over every other source (for tests)
	 */
	public static int run(String[] args, PrintStream out, PrintStream err, Map<String, Object> properties) {
		Command command;
		try {
			command = Command.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("keys: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		try (ConfigurableApplicationContext context = start(properties)) {
			ApiKeyService keys = context.getBean(ApiKeyService.class);
			JsonMapper json = context.getBean(JsonMapper.class);
			if (command instanceof Command.Create create) {
				IssuedKey issued = keys.create(create.name(), create.role(), create.password());
				try {
					SecureFiles.writePrivate(create.out(), issued.pkcs12(), false);
				}
				catch (RuntimeException ex) {
					// No file, no key: a registered key nobody holds is only a risk.
					keys.revoke(issued.id().toString());
					throw ex;
				}
				out.println(json.writeValueAsString(new CreatedKey(issued.id().toString(), issued.name(),
						issued.role().value(), create.out().toString(), issued.password())));
			}
			else if (command instanceof Command.Revoke revoke) {
				out.println(json.writeValueAsString(keys.revoke(revoke.id())));
			}
			else {
				keys.list().forEach((key) -> out.println(json.writeValueAsString(key)));
			}
			out.flush();
			return 0;
		}
		catch (InvalidApiKeyRequest | ApiKeyNotFound ex) {
			err.println("keys: " + ex.getMessage());
			return 2;
		}
		catch (RuntimeException ex) {
			err.println("keys: failed: " + rootMessage(ex));
			return 1;
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		Map<String, Object> settings = new HashMap<>();
		// Standard output carries only the command's JSON; the log would garble it.
		settings.put("logging.threshold.console", "OFF");
		settings.putAll(properties);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("keys-command", settings));
		return new SpringApplicationBuilder(TaskResultsApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.environment(environment)
			.run();
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.toString();
	}

	record CreatedKey(String id, String name, String role, String file, String password) {
	}

	sealed interface Command {

		record Create(String name, String role, Path out, String password) implements Command {
		}

		record List() implements Command {
		}

		record Revoke(String id) implements Command {
		}

		static Command parse(String[] args) {
			if (args.length < 2) {
				throw new IllegalArgumentException("missing subcommand");
			}
			return switch (args[1]) {
				case "create" -> parseCreate(args);
				case "list" -> {
					requireCount(args, 2);
					yield new List();
				}
				case "revoke" -> {
					requireCount(args, 3);
					yield new Revoke(args[2]);
				}
				default -> throw new IllegalArgumentException("unknown subcommand '" + args[1] + "'");
			};
		}

		private static Create parseCreate(String[] args) {
			Map<String, String> options = new LinkedHashMap<>();
			for (int i = 2; i < args.length; i += 2) {
				String option = args[i];
				if (!java.util.List.of("--name", "--role", "--out", "--password").contains(option)) {
					throw new IllegalArgumentException("unknown option '" + option + "'");
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(option + " needs a value");
				}
				if (options.put(option, args[i + 1]) != null) {
					throw new IllegalArgumentException(option + " given twice");
				}
			}
			for (String required : java.util.List.of("--name", "--role", "--out")) {
				if (!options.containsKey(required)) {
					throw new IllegalArgumentException("missing " + required);
				}
			}
			if (!java.util.List.of("analyst", "cloak", "admin").contains(options.get("--role"))) {
				throw new IllegalArgumentException("--role must be analyst, cloak or admin");
			}
			Path out = Path.of(options.get("--out"));
			if (Files.exists(out)) {
				throw new IllegalArgumentException(out + " already exists; choose another --out");
			}
			Path parent = out.toAbsolutePath().getParent();
			if (!Files.isDirectory(parent) || !Files.isWritable(parent)) {
				throw new IllegalArgumentException("cannot write into " + parent);
			}
			return new Create(options.get("--name"), options.get("--role"), out, options.get("--password"));
		}

		private static void requireCount(String[] args, int count) {
			if (args.length != count) {
				throw new IllegalArgumentException((args.length < count) ? "missing argument" : "too many arguments");
			}
		}

	}

}
