// A learner's progress file: any text is read without crashing, and progress that loads is
// written and read back to the same text.
#include "fuzz_support.h"

#include "model/progress.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const std::string text(reinterpret_cast<const char *>(data), size);
    const model::ProgressLoad load = model::parse_progress(text, "progress.json");
    if (!load.progress)
        return 0;
    const std::string written = model::write_progress(*load.progress);
    const model::ProgressLoad again = model::parse_progress(written, "again.json");
    fuzz::require(again.progress.has_value(), "written progress loads");
    fuzz::require(model::write_progress(*again.progress) == written,
                  "progress written twice gives the same text");
    return 0;
}
