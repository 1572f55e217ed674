// Include Boost.Asio and Boost.Beast through this header only.
//
// Why: Boost 1.74 (Debian 12's) Asio uses std::exchange without including <utility>, which g++ 12
// in C++20 mode no longer pulls in transitively, so a bare #include <boost/asio.hpp> fails to
// compile there. Including <utility> first is the whole fix; newer Boost releases include it
// themselves.
#pragma once

#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace harness::docker {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;

}  // namespace harness::docker
