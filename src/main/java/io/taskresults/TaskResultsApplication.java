package io.taskresults;

import io.taskresults.cli.KeysCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TaskResultsApplication {

	public static void main(String[] args) {
		// The jar is also the operator's command line: "keys ..." runs a command, no
		// server.
		if (args.length > 0 && KeysCommand.NAME.equals(args[0])) {
			System.exit(KeysCommand.run(args, System.out, System.err));
		}
		SpringApplication.run(TaskResultsApplication.class, args);
	}

}
