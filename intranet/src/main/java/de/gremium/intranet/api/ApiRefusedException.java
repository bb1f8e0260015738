package de.gremium.intranet.api;

/** An API answered 4xx or 5xx; the pages show {@link #problem()} beside the fields it names. */
public class ApiRefusedException extends RuntimeException {

    private final ApiProblem problem;

    public ApiRefusedException(ApiProblem problem) {
        super(problem.status() + " " + problem.type() + ": " + problem.detail());
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
