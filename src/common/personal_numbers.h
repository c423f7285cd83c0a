// Finding personal numbers in free text by their shape, so text that is written somewhere
// lasting (the request log, error messages, error sheets) never carries one whole, whatever
// parameter, path segment or message it came in. Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace shanhai {

// text with every personal number it contains masked, everything else unchanged.
// A number is a maximal run of digits (ASCII or full-width ０–９, which users paste), and is
// masked when it is:
//  - an ID number: 18 characters (17 digits and a check digit or X/x), or 15 digits (old
//    numbers); any longer run too (bank cards, numbers glued together) — as MaskIdNumber;
//  - a mobile: 11 digits beginning 13–19, also after a prefix 86, 0086, 0 or 00
//    ("8613812345678", "0013812345678") — as MaskMobile;
//  - either written in groups with one character between them that is neither a letter nor a
//    digit — a blank, hyphen, dot, comma, colon, tilde, slash, the ideographic space, a
//    full-width hyphen or comma… ("138 1234 5678", "139.1234.5678", "522727-19870214-7321",
//    "138　1234　5678", "522727－19870214－7321", "138,1234,5678").
// Shorter runs (record ids, dates, amounts, 16-hex tokens' digit runs) are kept.
std::string MaskPersonalNumbers(std::string_view text);

// False only when text cannot hold a personal number (fewer than 11 ASCII digits and no
// full-width character): a cheap test that lets hot paths skip MaskPersonalNumbers.
bool MayHoldPersonalNumber(std::string_view text);

}  // namespace shanhai
