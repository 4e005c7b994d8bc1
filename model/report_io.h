#pragma once
// The report written out: JSON (documented in model/REPORT_FORMAT.md), text for people, and
// the series as CSV rows "t_ms,series,subject,value".

#include "report.h"

#include <string>

namespace model {

std::string report_json(const Report &report);
std::string report_text(const Report &report);
std::string report_csv(const Report &report);

} // namespace model
