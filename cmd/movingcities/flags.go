package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/moving-cities/opendata/catalog"
	"github.com/moving-cities/opendata/cms"
)

// errUsage means the flags were wrong; the flag package has said why.
var errUsage = errors.New("usage")

// settings are the flags shared by commands, each with the environment
// variable that sets its default. Operators and scripts rely on these names.
type settings struct {
	addr, db, baseURI, dumpsDir string
	metricsAddr                 string

	rateLimit         float64
	rateBurst         int
	rateLimitLoopback bool
	fragmentsRate     float64
	fragmentsBurst    int
	clientIPHeader    string
	requestTimeout    time.Duration
	maxBodyBytes      int64
	maxImportBytes    int64

	// The scheduled sync from the platform's CMS (issue 15).
	syncCMSURL, syncCMSSchedule string

	// The DCAT-AP catalogue's statements about the publisher.
	publisherName, publisherURL, publisherType   string
	contactEmail, contactURL, license, frequency string
}

type setting struct {
	flag, envVar, help string
	// bind registers the flag on fs with its default, or env when set.
	bind func(fs *flag.FlagSet, s *settings, name, usage, env string) error
}

var settingTable = []setting{
	{"addr", "MOVINGCITIES_ADDR", "address to listen on", stringFlag(func(s *settings) *string { return &s.addr }, defaultAddr)},
	{"metrics-addr", "MOVINGCITIES_METRICS_ADDR", "address to serve /metrics on, apart from the public address; empty: /metrics on --addr",
		stringFlag(func(s *settings) *string { return &s.metricsAddr }, "")},
	{"db", "MOVINGCITIES_DB", "database: a SQLite file (created if missing; sqlite://path also works) or a postgres:// URL", stringFlag(func(s *settings) *string { return &s.db }, "movingcities.db")},
	{"base-uri", "MOVINGCITIES_BASE_URI", "public base URI of IRIs and links (default: http:// and the listening address)", stringFlag(func(s *settings) *string { return &s.baseURI }, "")},
	{"dumps-dir", "MOVINGCITIES_DUMPS_DIR", "folder of dump releases", stringFlag(func(s *settings) *string { return &s.dumpsDir }, "releases")},
	{"rate-limit", "MOVINGCITIES_RATE_LIMIT", "requests per second per client; 0 = 10, negative = no limit",
		typedFlag(func(s *settings) *float64 { return &s.rateLimit }, 0, func(v string) (float64, error) { return strconv.ParseFloat(v, 64) })},
	{"rate-burst", "MOVINGCITIES_RATE_BURST", "requests a client may send at once; 0 = 60",
		typedFlag(func(s *settings) *int { return &s.rateBurst }, 0, strconv.Atoi)},
	{"fragments-rate-limit", "MOVINGCITIES_FRAGMENTS_RATE_LIMIT", "/fragments requests per second per client, a budget apart from --rate-limit; 0 = 200, negative = no limit",
		typedFlag(func(s *settings) *float64 { return &s.fragmentsRate }, 0, func(v string) (float64, error) { return strconv.ParseFloat(v, 64) })},
	{"fragments-rate-burst", "MOVINGCITIES_FRAGMENTS_RATE_BURST", "/fragments requests a client may send at once; 0 = 2000",
		typedFlag(func(s *settings) *int { return &s.fragmentsBurst }, 0, strconv.Atoi)},
	{"rate-limit-loopback", "MOVINGCITIES_RATE_LIMIT_LOOPBACK", "rate-limit loopback clients too",
		boolFlag(func(s *settings) *bool { return &s.rateLimitLoopback }, false)},
	{"client-ip-header", "MOVINGCITIES_CLIENT_IP_HEADER", "header a trusted reverse proxy puts the client address in (e.g. X-Forwarded-For); empty when clients connect directly",
		stringFlag(func(s *settings) *string { return &s.clientIPHeader }, "")},
	{"request-timeout", "MOVINGCITIES_REQUEST_TIMEOUT", "time a request may take; 0 = 30s, negative = none",
		typedFlag(func(s *settings) *time.Duration { return &s.requestTimeout }, 0, time.ParseDuration)},
	{"max-body-bytes", "MOVINGCITIES_MAX_BODY_BYTES", "largest request body; 0 = 1 MiB, negative = none",
		typedFlag(func(s *settings) *int64 { return &s.maxBodyBytes }, 0, func(v string) (int64, error) { return strconv.ParseInt(v, 10, 64) })},
	{"max-import-bytes", "MOVINGCITIES_MAX_IMPORT_BYTES", "largest import file; 0 = 128 MiB, negative = none",
		typedFlag(func(s *settings) *int64 { return &s.maxImportBytes }, 0, func(v string) (int64, error) { return strconv.ParseInt(v, 10, 64) })},
	{"sync-cms-url", "MOVINGCITIES_SYNC_CMS_URL", "the platform's CMS (Strapi) to sync from on --sync-cms-schedule; empty: no scheduled sync",
		stringFlag(func(s *settings) *string { return &s.syncCMSURL }, "")},
	{"sync-cms-schedule", "MOVINGCITIES_SYNC_CMS_SCHEDULE", "when to sync from --sync-cms-url (five-field cron, UTC)",
		stringFlag(func(s *settings) *string { return &s.syncCMSSchedule }, cms.DefaultSchedule)},
	{"publisher-name", "MOVINGCITIES_PUBLISHER_NAME", "publisher named in the catalogue (default: Moving Cities)", stringFlag(func(s *settings) *string { return &s.publisherName }, "")},
	{"publisher-url", "MOVINGCITIES_PUBLISHER_URL", "publisher's web address and IRI", stringFlag(func(s *settings) *string { return &s.publisherURL }, "")},
	{"publisher-type", "MOVINGCITIES_PUBLISHER_TYPE", "ADMS publisher type code (default: NonProfitOrganisation)", stringFlag(func(s *settings) *string { return &s.publisherType }, "")},
	{"contact-email", "MOVINGCITIES_CONTACT_EMAIL", "contact point e-mail address in the catalogue", stringFlag(func(s *settings) *string { return &s.contactEmail }, "")},
	{"contact-url", "MOVINGCITIES_CONTACT_URL", "contact point web page (default: the publisher URL)", stringFlag(func(s *settings) *string { return &s.contactURL }, "")},
	{"license", "MOVINGCITIES_LICENSE", "licence IRI from the EU licence table (default: CC BY 4.0)", stringFlag(func(s *settings) *string { return &s.license }, "")},
	{"update-frequency", "MOVINGCITIES_UPDATE_FREQUENCY", "EU frequency code of the dataset's updates (e.g. DAILY); empty: none stated", stringFlag(func(s *settings) *string { return &s.frequency }, "")},
}

// catalogFlags are the settings of the DCAT-AP catalogue.
var catalogFlags = []string{"publisher-name", "publisher-url", "publisher-type", "contact-email", "contact-url", "license", "update-frequency"}

// base is the public base URI: --base-uri, or else the address to
// listen on (--addr; serve uses the address it really bound).
func (s *settings) base() string {
	if s.baseURI != "" {
		return normaliseBase(s.baseURI)
	}
	addr := s.addr
	if addr == "" {
		addr = defaultAddr
	}
	return baseFromAddr(addr)
}

// defaultAddr is where the service listens without --addr.
const defaultAddr = "127.0.0.1:8080"

// catalogConfig builds the catalogue configuration from the settings.
func (s *settings) catalogConfig() (catalog.Config, error) {
	c := catalog.Config{
		BaseURI:       s.base(),
		PublisherName: s.publisherName,
		PublisherURL:  s.publisherURL,
		PublisherType: s.publisherType,
		ContactEmail:  s.contactEmail,
		ContactURL:    s.contactURL,
		License:       s.license,
		Frequency:     s.frequency,
	}.WithDefaults()
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("catalogue settings: %w", err)
	}
	return c, nil
}

func stringFlag(dst func(*settings) *string, def string) func(*flag.FlagSet, *settings, string, string, string) error {
	return func(fs *flag.FlagSet, s *settings, name, usage, env string) error {
		v := def // not def itself: the closure is shared by every flag set
		if env != "" {
			v = env
		}
		fs.StringVar(dst(s), name, v, usage)
		return nil
	}
}

// typedFlag binds a flag whose value parse reads, from the command line
// and from the environment alike.
func typedFlag[T any](dst func(*settings) *T, def T, parse func(string) (T, error)) func(*flag.FlagSet, *settings, string, string, string) error {
	return func(fs *flag.FlagSet, s *settings, name, usage, env string) error {
		p := dst(s)
		*p = def
		if env != "" {
			v, err := parse(env)
			if err != nil {
				return fmt.Errorf("%q is not a valid value: %w", env, err)
			}
			*p = v
		}
		fs.Func(name, usage, func(v string) error {
			x, err := parse(v)
			if err != nil {
				return err
			}
			*p = x
			return nil
		})
		return nil
	}
}

// boolFlag binds a boolean flag, which may be given bare ("--x" means
// true) as well as with a value ("--x=false"), like the flag package's own.
func boolFlag(dst func(*settings) *bool, def bool) func(*flag.FlagSet, *settings, string, string, string) error {
	return func(fs *flag.FlagSet, s *settings, name, usage, env string) error {
		p := dst(s)
		*p = def
		if env != "" {
			v, err := strconv.ParseBool(env)
			if err != nil {
				return fmt.Errorf("%q is not a valid value: %w", env, err)
			}
			*p = v
		}
		fs.BoolFunc(name, usage, func(v string) error {
			x, err := strconv.ParseBool(v)
			if err != nil {
				return err
			}
			*p = x
			return nil
		})
		return nil
	}
}

// newFlags makes a flag set with the named shared settings, their defaults
// taken from the environment where set. A malformed environment value is
// an error, not silently the default.
func newFlags(name string, e env, s *settings, names ...string) (*flag.FlagSet, error) {
	fs := flag.NewFlagSet("movingcities "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	for _, st := range settingTable {
		for _, n := range names {
			if n != st.flag {
				continue
			}
			if err := st.bind(fs, s, st.flag, fmt.Sprintf("%s (env %s)", st.help, st.envVar), e.getenv(st.envVar)); err != nil {
				return nil, fmt.Errorf("%s: %w", st.envVar, err)
			}
		}
	}
	return fs, nil
}

// parse parses args, mapping flag errors to errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return errUsage // the flag package has printed why
	}
	return nil
}

// normaliseBase drops a trailing slash so that IRIs are built one way.
func normaliseBase(s string) string { return strings.TrimRight(s, "/") }
