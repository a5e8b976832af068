// tests/unit/store/url_test.cpp — postgresql:// URLs become libpq connection strings; the form
// shown to operators never carries the password (issue 8).
#include <gtest/gtest.h>

#include "cp/store/database.hpp"

using namespace cp::store;

TEST(DatabaseUrl, FullUrlMapsToLibpqKeywords) {
  auto t = parse_postgresql_url("postgresql://cpi:s3cr%40t@db.example.org:6543/cp_region?sslmode=verify-full&application_name=cpi");
  EXPECT_EQ(t.conninfo,
            "host='db.example.org' port='6543' dbname='cp_region' user='cpi' password='s3cr@t' "
            "sslmode='verify-full' application_name='cpi'");
  EXPECT_EQ(t.display, "postgresql://cpi@db.example.org:6543/cp_region?sslmode=verify-full&application_name=cpi");
  EXPECT_EQ(t.display.find("s3cr"), std::string::npos);
  EXPECT_EQ(t.dbname, "cp_region");
}

TEST(DatabaseUrl, MinimalFormsAndUnixSocketsAndIpv6) {
  EXPECT_EQ(parse_postgresql_url("postgresql:///cp").conninfo, "dbname='cp'");
  EXPECT_EQ(parse_postgresql_url("postgres://u@localhost/cp").conninfo, "host='localhost' dbname='cp' user='u'");
  EXPECT_EQ(parse_postgresql_url("postgresql://u@/cp?host=%2Fvar%2Frun%2Fpostgresql").conninfo,
            "dbname='cp' user='u' host='/var/run/postgresql'");
  EXPECT_EQ(parse_postgresql_url("postgresql://u@[::1]:5433/cp").conninfo, "host='::1' port='5433' dbname='cp' user='u'");
  // Quotes and backslashes in values are escaped for libpq.
  EXPECT_EQ(parse_postgresql_url("postgresql://u:it%27s%5C@h/cp").conninfo,
            "host='h' dbname='cp' user='u' password='it\\'s\\\\'");
  // A password given as a query parameter is not shown either.
  EXPECT_EQ(parse_postgresql_url("postgresql://u@h/cp?password=x&sslmode=require").display, "postgresql://u@h/cp?sslmode=require");
}

TEST(DatabaseUrl, MalformedUrlsAreClearErrors) {
  EXPECT_THROW(parse_postgresql_url("postgresql://u@h:port/cp"), StoreError);
  EXPECT_THROW(parse_postgresql_url("postgresql://u@h/cp?bad key=1"), StoreError);
  EXPECT_THROW(parse_postgresql_url("postgresql://u@h/c%zz"), StoreError);
  EXPECT_THROW(parse_postgresql_url("postgresql://u@[::1/cp"), StoreError);
  EXPECT_TRUE(is_postgresql_url("postgres://x/y"));
  EXPECT_FALSE(is_postgresql_url("var/cpi.db"));
  EXPECT_FALSE(is_postgresql_url("sqlite:var/cpi.db"));
}

TEST(DatabaseUrl, AnUnreachableServerIsAStoreErrorWithoutThePassword) {
  try {
    OpenOptions o;
    o.pool_size = 1;
    Database::open("postgresql://nobody:hunter2@127.0.0.1:1/nothing?connect_timeout=2", o);
    FAIL() << "expected a StoreError";
  } catch (const StoreError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("cannot open the database postgresql://nobody@127.0.0.1:1/nothing"), std::string::npos) << m;
    EXPECT_EQ(m.find("hunter2"), std::string::npos) << m;
  }
}
