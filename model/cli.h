#pragma once
// The headless command line: `failover-lab simulate|validate|figures|--help`. Qt-free, so the
// same code serves the GUI binary's subcommands and the tests.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace model {

// Exit codes of the command line.
constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3; // the model reported an internal error of the run

// True when args (without the program name) ask for a command-line action rather than the GUI.
bool is_cli_command(const std::vector<std::string> &args);

// Runs a command; returns the exit code.
int run_cli(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

std::string cli_help();

} // namespace model
