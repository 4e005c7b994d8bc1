#pragma once
// What the fuzz targets share: the built-in files they start from, read once, and a check that
// stops the run (so that libFuzzer saves the input) when a property of the model fails.

#include "model/scenario_json.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

namespace fuzz {

// A file of the source tree, read once and kept.
inline const std::string &source_file(const std::string &relative) {
    static std::map<std::string, std::string> cache;
    const auto it = cache.find(relative);
    if (it != cache.end())
        return it->second;
    std::ifstream in(std::string(FAILOVER_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return cache.emplace(relative, text.str()).first->second;
}

// Stops with a message when a property fails: libFuzzer reports the input as a crash.
inline void require(bool holds, const char *what) {
    if (holds)
        return;
    std::fprintf(stderr, "property failed: %s\n", what);
    std::abort();
}

// Runs worth making inside a fuzz target: small enough to take milliseconds.
inline bool small_run(const model::Scenario &s) {
    return s.app_tiers.size() * s.populations.size() <= 64 && s.health_checks.size() <= 16 &&
           s.settings.duration_ms / s.settings.step_ms <= 4000;
}

} // namespace fuzz
