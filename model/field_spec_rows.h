#pragma once
// What the field_spec*.cpp files share: the mark on text people read, and the table's two halves,
// each in a file of its own. Not part of the model's interface.

#include "field_spec.h"

#include <span>

// Marks text for Qt's lupdate, which finds it by this name; the model itself never translates.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif
#define N(text) QT_TRANSLATE_NOOP("FieldSpec", text)

namespace model::field_spec_detail {

inline constexpr double kDay = 86'400;

// The rows from the scenario's own fields to the databases', in the format reference's order.
std::span<const FieldSpec> deployment_rows();
// The rows that follow: health checks to the cost figures.
std::span<const FieldSpec> traffic_rows();

} // namespace model::field_spec_detail
