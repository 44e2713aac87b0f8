package vocab

// The table, as explicit lists. A test checks that every term defined in
// this package is in exactly one of them.

// Ours lists our own terms in documentation order: classes, object
// properties, datatype properties, concept schemes and their concepts.
var Ours = []*Term{
	Municipality, Network, Approach, PopulationCount, BoundingBox,

	KindProp, Status, Scope, Population, BoundingBoxProp, WikidataCandidate,

	Featured, IDCoined, OwnCategories, SummaryOrigin, DescriptionOrigin, TitleOrigin, LabelOrigin, DefinitionOrigin, GeoNamesID, LAUCode, NUTS3Code, OSMRelation, Since, Until, Attested, StartYear, Accessed,
	West, South, East, North, RetirementReason,
	// Approach and country content (approach_country_terms.go).
	PoliticalContext, ShortTitleOrigin, BlocksOrigin, PoliticalContextOrigin,
	// The case-study content of municipalities (city_terms.go).
	SummaryTitle, Reasoning, ReportTitle, ReportIntro, ReportFile, Takeaway, ContentOrigin,
	// Content blocks (block_terms.go).
	BlockClass, ContentBlock, BlockKindProp, QuoteAuthor,

	CategoryScheme,
	KindScheme, KindMunicipality, KindMunicipalAssociation, KindDistrict, KindUncertain,
	StatusScheme, StatusActive, StatusWithdrawn, StatusEnded, StatusUnknown,
	ScopeScheme, ScopeNational, ScopeEuropean, ScopeInternational,
	BlockKindScheme, BlockQuote, BlockSection,
}

// Reused lists the terms of other vocabularies that our outputs use.
var Reused = []*Term{
	RDFType, RDFValue, RDFLangString,
	RDFSLiteral, RDFSLabel, RDFSComment, RDFSDomain, RDFSRange, RDFSSubClassOf, RDFSSubPropertyOf, RDFSIsDefinedBy, RDFSSeeAlso,
	OWLOntology, OWLClass, OWLObjectProperty, OWLDatatypeProperty, OWLSameAs, OWLVersionInfo, OWLVersionIRI,
	OWLEquivalentClass, OWLEquivalentProperty,
	XSDString, XSDInteger, XSDDouble, XSDDecimal, XSDBoolean, XSDDate, XSDDateTime, XSDGYear, EDTFDate,
	SKOSConcept, SKOSConceptScheme, SKOSPrefLabel, SKOSAltLabel, SKOSHiddenLabel, SKOSDefinition, SKOSNotation,
	SKOSInScheme, SKOSTopConceptOf, SKOSHasTopConcept, SKOSCloseMatch, SKOSExample,
	DCTermsTitle, DCTermsDescription, DCTermsAbstract, DCTermsCreator, DCTermsPublisher, DCTermsLicense,
	DCTermsIssued, DCTermsModified, DCTermsCreated, DCTermsSource, DCTermsSubject, DCTermsRelation,
	DCTermsIsReplacedBy, DCTermsDate, DCTermsCoverage, DCTermsIsPartOf, DCTermsIdentifier, DCTermsType,
	VANNPreferredNamespacePrefix, VANNPreferredNamespaceURI,
	FOAFOrganization, FOAFDocument, FOAFPrimaryTopic, FOAFName, FOAFHomepage,
	SchemaCountry, SchemaAdministrativeArea, SchemaOrganization, SchemaContainedInPlace, SchemaAreaServed,
	SchemaFoundingDate, SchemaURL, SchemaQuantitativeValue, SchemaStartDate, SchemaEndDate,
	OrgOrganization, OrgMembership, OrgMember, OrgOrganizationProp, OrgMemberOf, OrgHasMembership, OrgMemberDuring,
	PROVActivity, PROVWasAssociatedWith, PROVInvalidatedAtTime, PROVStartedAtTime,
	TimeHasBeginning, TimeHasEnd,
	GeoSpatialThing, GeoLat, GeoLong, GSPFeature, GSPGeometry, GSPWKTLiteral, GSPHasBoundingBox, GSPHasGeometry, GSPAsWKT,
	DCATCatalog, DCATDataset, DCATDistribution, DCATDataService, DCATDatasetProp, DCATDistributionProp,
	DCATAccessURL, DCATDownloadURL, DCATMediaType, DCATLandingPage, DCATTheme, DCATThemeTaxonomy,
	WikibaseItem, WDTGeoNamesID, WDTLAU, WDTNUTS, WDTPopulation, WDTOSMRelation,
	HydraMember, HydraTotalItems, HydraLimit, HydraNext, HydraPrevious,
	ADMSStatus,
	VoIDDataset, VoIDInDataset,
	// Approach and country content (approach_country_terms.go).
	SchemaAlternativeHeadline,
	// The case-study content of municipalities (city_terms.go).
	SchemaSlogan,
	// Content blocks (block_terms.go).
	DCTermsHasPart, SchemaCreativeWork, SchemaPosition, SchemaHeadline, SchemaText,

	// The data catalogue (catalog_terms.go).
	RDFSResource, XSDHexBinary, XSDNonNegativeInteger, XSDGYearMonth,
	DCTermsLanguage, DCTermsSpatial, DCTermsTemporal, DCTermsAccessRights, DCTermsConformsTo, DCTermsFormat, DCTermsAccrualPeriodicity,
	DCTermsLicenseDocument, DCTermsMediaType, DCTermsMediaTypeOrExtent, DCTermsLinguisticSystem, DCTermsLocation,
	DCTermsPeriodOfTime, DCTermsRightsStatement, DCTermsStandard, DCTermsFrequency,
	DCATKeyword, DCATContactPoint, DCATEndpointURL, DCATEndpointDescription, DCATServesDataset, DCATService,
	DCATByteSize, DCATCompressFormat, DCATPackageFormat, DCATVersion, DCATHasVersion, DCATIsVersionOf, DCATPreviousVersion,
	DCATStartDate, DCATEndDate, DCATBBox,
	DCATAPAvailability,
	SPDXChecksum, SPDXChecksumAlgorithm, SPDXChecksumProp, SPDXAlgorithm, SPDXChecksumValue,
	VCardKind, VCardOrganization, VCardFN, VCardHasEmail, VCardHasURL,
	ADMSVersionNotes, FOAFAgent,
	VoIDLinkset, VoIDTriples, VoIDEntities, VoIDClasses, VoIDProperties, VoIDDistinctSubjects, VoIDDistinctObjects,
	VoIDClassPartition, VoIDPropertyPartition, VoIDClass, VoIDProperty, VoIDLinkPredicate, VoIDSubjectsTarget,
	VoIDObjectsTarget, VoIDSubset, VoIDDataDump, VoIDExampleResource, VoIDVocabulary, VoIDFeature, VoIDURISpace,
	SchemaDataset, SchemaDataDownload, SchemaDataCatalog, SchemaPlace, SchemaName, SchemaDescription, SchemaIdentifier,
	SchemaKeywords, SchemaLicense, SchemaIsAccessibleForFree, SchemaCreator, SchemaPublisher, SchemaVersion,
	SchemaDatePublished, SchemaDateModified, SchemaTemporalCoverage, SchemaSpatialCoverage, SchemaDistribution,
	SchemaEncodingFormat, SchemaContentURL, SchemaContentSize, SchemaSHA256, SchemaIncludedInDataCatalog,
	SchemaCitation, SchemaInLanguage, SchemaSameAs,

	// The Triple Pattern Fragments interface (tpf_terms.go).
	RDFSubject, RDFPredicate, RDFObject,
	HydraCollection, HydraPartialCollectionView, HydraIriTemplate, HydraIriTemplateMapping,
	HydraSearch, HydraTemplate, HydraVariableRepresentation, HydraExplicitRepresentation, HydraMapping,
	HydraVariable, HydraProperty, HydraItemsPerPage, HydraFirst,
}

// All is the whole table: Ours, then Reused.
var All = append(append([]*Term{}, Ours...), Reused...)
