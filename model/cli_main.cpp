// The Qt-free command-line binary.
#include "cli.h"

#include <iostream>

int main(int argc, char **argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return model::run_cli(args.empty() ? std::vector<std::string>{"--help"} : args, std::cout,
                          std::cerr);
}
